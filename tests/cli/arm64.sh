# arm64 options: --va-bits and --kernel, their bad values, RAM limits.
run() { "$@" >out.$$.tmp 2>&1; rc=$?; sed 's/^/  /' out.$$.tmp | head -n 4; echo "  -> exit $rc"; rm -f out.$$.tmp; }
echo "--va-bits 42:";             run $PTWALK -a arm64 --va-bits 42 -c machine
echo "--va-bits x:";              run $PTWALK -a arm64 --va-bits x -c machine
echo "--va-bits on x86_64:";      run $PTWALK -a x86_64 --va-bits 48 -c machine
echo "--va-bits 39 ok:";          run $PTWALK -q -a arm64 --va-bits 39 -c 'echo ok'
echo "--kernel bogus:";           run $PTWALK -a arm64 --kernel bogus -c machine
echo "--kernel on i386:";         run $PTWALK --kernel 6.1-rodata-full -c machine
echo "--kernel 6.1-rodata-full ok:";  run $PTWALK -a arm64 --kernel 6.1-rodata-full -c 'echo ok'
echo "--mem 32M on arm64:";       run $PTWALK -a arm64 --mem 32M -c machine
echo "--mem 512G, 39-bit VA:";    run $PTWALK -a arm64 --va-bits 39 --mem 512G -c machine
echo "--mem 32T on arm64:";       run $PTWALK -a arm64 --mem 32T -c machine
echo "--cpu pse on arm64:";       run $PTWALK -a arm64 --cpu pse -c machine
echo "--cpu hafdbs on x86_64:";   run $PTWALK -a x86_64 --cpu hafdbs -c machine
