^XA
^FX Board label 2 x 1 in for a 203 dpi Zebra printer (406 x 203 dots). Placeholders in braces are filled by Spareflow;
^FX Lines led by ?gs1 in braces print only with a GS1 DataMatrix, by ?!gs1 only without one (serial over 20 characters).
^FX GS1 DataMatrix: escape character _ ; _1 is FNC1 (first position: GS1; after a variable-length field: separator).
^PW406^LL203^LH0,0^CI28
{?gs1}^FO10,6^BXN,4,200,0,0,6,_^FD_101{gtin}21{serial}_1240{partNumber}^FS
{?!gs1}^FO10,40^A0N,14,12^FB130,4,0,L^FD{code128Only}^FS
^FO150,12^A0N,22,20^FDP/N {partNumber}^FS
^FO150,42^A0N,20,18^FDRev {revision}^FS
^FO150,70^A0N,22,20^FDS/N {serial}^FS
^FO20,140^BY2,3,56^BCN,56,N,N,N^FD{serial}^FS
^XZ
