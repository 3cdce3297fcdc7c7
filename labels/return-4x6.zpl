^XA
^FX Return label of a defective board, 4 x 6 in, for a 203 dpi Zebra printer (812 x 1218 dots). Placeholders in
^FX braces are filled by Spareflow; lines led by ?gs1 in braces print only when the serial fits GS1 (21) (at most 20
^FX characters), by ?!gs1 only when it does not. GS1 DataMatrix: escape character _ ; _1 is FNC1.
^PW812^LL1218^LH0,0^CI28
^FX The DataMatrix comes before the ^BY of the Code 128: some renderers offset a 2D symbol by the last ^BY height.
{?gs1}^FO30,860^BXN,8,200,0,0,6,_^FD_101{gtin}21{serial}_1400{caseNumber}^FS
{?!gs1}^FO30,860^BXN,8,200,0,0,6,_^FD_101{gtin}400{caseNumber}^FS
^FO30,24^A0N,36,32^FD{title}^FS
^FO20,90^GB772,4,4^FS
^FO30,104^A0N,22,20^FD{toHeading}^FS
^FO30,136^A0N,44,40^FD{toName} ({toCode})^FS
^FO30,204^A0N,36,32^FD{toCity}, {toCountry}^FS
^FO20,286^GB772,4,4^FS
^FO30,300^A0N,22,20^FD{fromHeading}^FS
^FO30,332^A0N,30,28^FD{fromCustomer}^FS
^FO30,372^A0N,26,24^FD{fromSite}^FS
^FO30,408^A0N,26,24^FD{fromCity}, {fromCountry}^FS
^FO20,480^GB772,4,4^FS
^FO30,496^A0N,44,40^FD{caseHeading} {caseNumber}^FS
^FO40,560^BY3,3,170^BCN,170,N,N,N^FD{caseNumber}^FS
^FO30,750^A0N,28,26^FB752,2,0,L^FD{expected}^FS
^FO20,836^GB772,4,4^FS
^FO340,870^A0N,22,20^FB440,3,0,L^FD{scanHint}^FS
^FO340,950^A0N,24,22^FDGTIN {gtin}^FS
^FO340,990^A0N,26,24^FDS/N {serial}^FS
^FO340,1030^A0N,24,22^FD{caseNumber}^FS
^XZ
