# #Fields changes mid-file (14 -> 16 columns), a line in the old layout after the change
# (skipped: field count), an identical header block repeated (IIS restart), then a
# #Fields with odd case, spacing, tabs and another column order.
cd "$T" && easlog-parse -v parse-fields-change.log
