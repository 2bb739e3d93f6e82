# Exchange 2016/2019 back end, extended field set (spec E9, E10): s-computername is the
# server, sc-bytes/cs-bytes, colon integers (Hb:600, Pa:1, Pk:..., S:1, Att:2), Ver1:161
# as the protocol when there is no V token, DevOS:iOS+9.2+13C71, a bare % in SmtpAdrs.
cd "$T" && easlog-parse parse-e2016.log
