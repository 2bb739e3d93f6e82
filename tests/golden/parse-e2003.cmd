# Exchange 2003 (NOTES 3.1, spec E1): stem /Microsoft-Server-ActiveSync, &&Log=V2TCoSSC:...
# 2003 grammar (V2 = protocol 2.0, T folder type, C: client, S: server counts), no
# cs-username column (user from User=), OPTIONS without Cmd, one non-EAS line.
cd "$T" && easlog-parse parse-e2003.log
