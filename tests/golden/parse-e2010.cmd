# Exchange 2010 CAS (spec E2-E4): V0/V121/V141 Log on the front-end line, OPTIONS,
# 449 DeviceNotProvisioned with Pk0 and As:BlockedP, Pa1, folder stats, Oof:Set,
# Att/Attb/Ssp, KSAndroid Ping with Hb1680, S3 and Error:PingCollisionDetected.
cd "$T" && easlog-parse parse-e2010.log
