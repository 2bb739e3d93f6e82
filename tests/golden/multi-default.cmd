# testdata/multi in the default mode: all six reports (Hourly: line count and the
# rows that are not all zero). See multi-compat.cmd for the fixture and how the
# numbers were checked (independent awk flattening + hand arithmetic).
# Default rules at work: --tier auto counts hits/bytes/status/agents on the FE
# lines (122; SRV16A has 39 BE lines, SRV16B 36), Log columns come from every
# line that carries Log (SRV10 FE lines, SRV16A/SRV16B BE lines, 2016 colon
# forms and 2013+ Cli layout read); users are accounts (CONTOSO\frank,
# frank@contoso.com and 401 lines with User=CONTOSO%5Cfrank are one row), device
# ids case-insensitive for the key (WinF1/WINF1), 401 lines join via the query User.
#  bob: SRV10 5/3, Em 2, Ta 2/1, Nt 1, Oof 1/1, Att 1/20480 + SRV16A BE Sync Em
#   Cli 1a Srv 7a1c2A (sent 10, recv 1), Sync Em Srv 2a, Att:1 Attb:51200,
#   Pa:2 at 03-05 08:00 (after SRV10's Pa1 at 07:45) -> 17, 4, Em 14, Att 2/71680,
#   Partially Compliant; hits 22 + 3 401 lines = 25, recv bytes 1900 + 250.
#  carol: Em Srv 25a + Ca Srv 5a, Em Cli 0a2c Srv 3a1c, Em Srv 3a, Em Srv 6a ->
#   sent 43 (Em 38, Ca 5), recv 2; Oof:Get 1; Att:1 Attb:149000; no Pa -> Unknown.
#  dave: Em Srv 12a + Ca Cli 1a Srv 4a, Em Srv 2a2c -> 20 (Em 16, Ca 4/1), recv 1;
#   Oof:Get; Att:3 Attb:30000; Pa:1 -> Compliant.
#  erin: Em Srv 30a + Co Srv 50a, Em Cli 2a Srv 1a, Em Srv 4a -> 85 (Em 35, Co 50),
#   recv 2; Oof:Set; Pa:3 then Pa:1 -> Compliant; 12 + 3 401 lines = 15 hits.
#  frank: Em 40a + Co 120a, Em Cli 1a Srv 2a, Em 5a + Ta Cli 1a1c Srv 1a, Em 9a ->
#   177 (Em 56, Co 120, Ta 1/2), recv 3; Oof Set 1 Get 1; Pa:1 then Pa:3 -> Not
#   Compliant; hits 14 + 6 + 1 = 21.
#  HealthMailbox1: the AMProbe FE lines (no device) 2 hits; the BE-only
#   TestActiveSyncConnectivity probe makes a row with 0 hits (BE tier not counted).
#  totals 365, 15, 122, 232300, 73900, Em 177, Emails Received 9, Ca 12/1,
#   Co 172/2, Ta 3/3, Nt 1/0, Oof 3/4, Searches 6, Att 8, Attb 255680.
#  PolicyCompliance: 9 rows: Unknown 3, Compliant 3 -> 0.3333; Partially 1 -> 0.1111;
#   Not 2 -> 0.2222.
#  Servers (identity: s-computername, else the directory above W3SVCn): errors are
#   FE lines >= 400: SRV10 401x2, 449, 503 -> 4/41 = 0.0976; SRV16A 401, 500, 401,
#   503 -> 4/41; SRV16B 401x3, 500 -> 4/40 = 0.1000. Devices per day (FE, non-empty
#   ids): SRV10 3,3 -> 3.0; SRV16A 2,3 -> 2.5; SRV16B 2,3 -> 2.5.
#  StatusCodes: http rows over 122 FE lines (110/122 = 0.9016, 401/1/1326 3 =
#   0.0246, 401/2/5 4 = 0.0328, 1 = 0.0082, 2 = 0.0164); eas rows over the 112
#   Log lines (SRV10 38, SRV16A BE 39, SRV16B BE 35): DeviceNotProvisioned 1 =
#   0.0089, MailboxOffline 1, ServerError 2 = 0.0179.
#  Hourly: a series from 2024-03-04 00 to 2024-03-05 23 (48 rows).
easlog-report -o . "$T/multi" 2>/dev/null || echo "exit $?"
for f in Users Servers StatusCodes PolicyCompliance UserAgents; do
	echo "== $f"; cat $f.csv
done
echo "== Hourly"; wc -l < Hourly.csv; grep -v ',0,0,0,0$' Hourly.csv
