^XA
^FX Board label 4 x 2 in for a 203 dpi Zebra printer (812 x 406 dots). Placeholders in braces are filled by Spareflow.
^FX GS1 DataMatrix: escape character _ ; _1 is FNC1 (first position: GS1; between fields: separator).
^PW812^LL406^LH0,0^CI28
^FO20,20^BXN,9,200,0,0,6,_^FD_1240{partNumber}_121{serial}^FS
^FO254,24^A0N,40,36^FDP/N {partNumber}   Rev {revision}^FS
^FO254,84^A0N,24,22^FB540,2,0,L^FD{description}^FS
^FO254,146^A0N,40,36^FDS/N {serial}^FS
^FO20,238^GB772,2,2^FS
^FO40,258^BY3,3,128^BCN,128,N,N,N^FD{serial}^FS
^XZ
