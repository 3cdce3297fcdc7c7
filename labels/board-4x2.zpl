^XA
^FX Board label 4 x 2 in for a 203 dpi Zebra printer (812 x 406 dots). Placeholders in braces are filled by Spareflow;
^FX Lines led by ?gs1 in braces print only with a GS1 DataMatrix, by ?!gs1 only without one (serial over 20 characters).
^FX GS1 DataMatrix: escape character _ ; _1 is FNC1 (first position: GS1; after a variable-length field: separator).
^PW812^LL406^LH0,0^CI28
{?gs1}^FO20,20^BXN,6,200,0,0,6,_^FD_101{gtin}21{serial}_1240{partNumber}^FS
{?!gs1}^FO20,80^A0N,18,16^FB210,4,0,L^FD{code128Only}^FS
^FO254,24^A0N,40,36^FDP/N {partNumber}   Rev {revision}^FS
^FO254,84^A0N,24,22^FB540,2,0,L^FD{description}^FS
^FO254,132^A0N,40,36^FDS/N {serial}^FS
^FO254,190^A0N,22,20^FDGTIN {gtin}^FS
^FO20,238^GB772,2,2^FS
^FO40,258^BY3,3,128^BCN,128,N,N,N^FD{serial}^FS
^XZ
