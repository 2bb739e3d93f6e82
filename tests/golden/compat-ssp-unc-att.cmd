# Spec 2.1 cols 22-25 / 3.3: Ssp/Unc/Att/Attb are summed over lines; within one
# line --compat takes the LAST capture, the default mode adds every token
# (eas_log.c); Sspb/Uncb are other tokens; the 2016 colon form (Att:5) is not
# captured by the cmdlet's grammar but read by the default mode.
# line 1: Ssp1 Sspb100 Unc2 Uncb51 Att3 Attb300; line 2: Ssp2 Unc3 Att4 Attb500;
# line 3: Att1_Att2; line 4: Att:5 Attb:600 Unc:1 Ssp:1; line 5: no Log.
# compat: Ssp 1+2=3, Unc 2+3=5, Att 3+4+2=9, Attb 300+500=800.
# default: Ssp 1+2+1=4, Unc 2+3+1=6, Att 3+4+(1+2)+5=15, Attb 300+500+600=1400.
cmdlet() { LC_ALL=C sed -e '1s/^\xef\xbb\xbf//;t a' -e '1s/^/[no BOM]/' -e ':a' -e 's/\r$//;t' -e 's/$/[no CR]/'; }
L=$T/compat-ssp-unc-att.log
echo "== compat Users"; easlog-hits --compat "$L" | cmdlet
echo "== default Users (columns 1-26)"; easlog-hits "$L" | cut -d, -f1-26
