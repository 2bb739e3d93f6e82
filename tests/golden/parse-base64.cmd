# Base64 queries (spec 3.6): the MS-ASHTTP sample, one with a policy key and a User
# parameter (cs-username -), one with '=' padding and &Log= after it, a percent-encoded
# one, one cut short and one that is not base64 (both bad-base64, no values).
cd "$T" && easlog-parse parse-base64.log
