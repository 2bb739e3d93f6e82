# Exchange 2019 front end (spec E11, E13, E15 and the AMProbe line): CorrelationID and
# cafeReqId suffix, no Log, trailing spaces, 500 on SendMail, a webshell stem that is
# not ActiveSync, a query that starts with '&'. The server comes from the directory
# above a lower-case w3svc1.
cd "$T/parse-tree" && easlog-parse EXCH19/w3svc1/parse-u_ex210611.log
