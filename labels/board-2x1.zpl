^XA
^FX Board label 2 x 1 in for a 203 dpi Zebra printer (406 x 203 dots). Placeholders in braces are filled by Spareflow.
^FX GS1 DataMatrix: escape character _ ; _1 is FNC1 (first position: GS1; between fields: separator).
^PW406^LL203^LH0,0^CI28
^FO12,8^BXN,5,200,0,0,6,_^FD_1240{partNumber}_121{serial}^FS
^FO136,14^A0N,22,20^FDP/N {partNumber}^FS
^FO136,44^A0N,20,18^FDRev {revision}^FS
^FO136,72^A0N,22,20^FDS/N {serial}^FS
^FO20,126^BY2,3,64^BCN,64,N,N,N^FD{serial}^FS
^XZ
