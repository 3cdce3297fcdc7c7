^XA
^FX Shipping label 4 x 6 in for a 203 dpi Zebra printer (812 x 1218 dots). Placeholders in braces are filled by Spareflow.
^PW812^LL1218^LH0,0^CI28
^FO30,24^A0N,22,20^FDFROM^FS
^FO30,56^A0N,30,28^FD{fromName} ({fromCode})^FS
^FO30,100^A0N,26,24^FD{fromCity}, {fromCountry}^FS
^FO20,162^GB772,4,4^FS
^FO30,182^A0N,22,20^FDTO^FS
^FO30,218^A0N,44,40^FD{toName} ({toCode})^FS
^FO30,288^A0N,38,34^FD{toCity}, {toCountry}^FS
^FO20,376^GB772,4,4^FS
^FO30,400^A0N,44,40^FDCASE {caseNumber}^FS
^FO20,498^GB772,4,4^FS
^FO30,522^A0N,26,24^FDTRACKING {trackingNumber}^FS
^FO40,580^BY3,3,200^BCN,200,N,N,N^FD{trackingNumber}^FS
^FX ^BY resets the bar height before the QR code: some renderers offset a QR code by the last ^BY height.
^BY3,3,10^FO250,820^BQN,2,7^FDMA,{trackingUrl}^FS
^XZ
