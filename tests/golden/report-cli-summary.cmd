# easlog-report's one-screen summary on stderr (stdout stays empty): files read
# and failed, servers, the time span of the counted records, the line
# accounting (records by tier, which tier gives hits), users/devices/rows and
# the files written. testdata/multi: 10 files (4 gzipped), 239 lines = 197 EAS
# records (122 FE + 75 BE) + 1 non-EAS (/owa/) + 41 directives/blank not shown.
# default: 3 servers (SRV10, SRV16A, SRV16B), users alice bob carol dave erin
#   frank gina healthmailbox1 = 8, devices (distinct non-empty ids, WinF1 and
#   WINF1 apart) 9, rows 9; hits from the front end.
# compat: the 75 BE lines are filtered, 122 records; 3 servers (keys __10.0.1.10,
#   __10.0.2.17, srv16a_mail.contoso.com_10.0.2.16); devices 9 (with ""), rows 12.
# span: 2024-03-04 00:00:01 (AMProbe) .. 2024-03-05 23:59:59 in both.
mkdir d c
easlog-report -o d "$T/multi" > out 2> err
echo "default: exit $?, stdout bytes $(wc -c < out)"
cat err
easlog-report --compat -o c "$T/multi" > out 2> err
echo "compat: exit $?, stdout bytes $(wc -c < out)"
cat err
