# Exchange 2013: the front end (W3SVC1, no Log, CorrelationID suffix) and the back end
# (W3SVC2, /Proxy/default.eas, Log with PrxFrom, 2013+ Cli layout, negative CmdHC) of
# the same three requests. The directory operand is walked in name order; the server
# is the directory above W3SVCn.
cd "$T/parse-tree" && easlog-parse EXCH13
