# Bad usage exits 2 with a message; good runs exit 0; failures exit 1.
run() { "$@" >out.$$.tmp 2>&1; rc=$?; sed 's/^/  /' out.$$.tmp | head -n 4; echo "  -> exit $rc"; rm -f out.$$.tmp; }
echo "unknown option:";        run $PTWALK --bogus
echo "missing value:";         run $PTWALK --mem
echo "a close option:";        run $PTWALK --arhc x86_64
echo "ambiguous option:";      run $PTWALK --c
echo "unknown short option:";  run $PTWALK -z
echo "-c without a value:";    run $PTWALK -c
echo "--help fits 80 columns:"; $PTWALK --help >out.$$.tmp; echo "  $(awk 'length > 80' out.$$.tmp | wc -l) of $(wc -l <out.$$.tmp) lines are wider"; rm -f out.$$.tmp
echo "--mem 0:";               run $PTWALK --mem 0 -c machine
echo "--mem 8G on i386:";      run $PTWALK --mem 8G -c machine
echo "--mem garbage:";         run $PTWALK --mem 12Q -c machine
echo "--mem 8M:";              run $PTWALK --mem 8M -c machine
echo "unknown arch:";          run $PTWALK --arch sparc -c machine
echo "--cpu bad:";             run $PTWALK --cpu nofoo -c machine
echo "--cpus 0:";              run $PTWALK --cpus 0 -c machine
echo "unreadable script:";     run $PTWALK /nonexistent/file.cmd
echo "--version:";             run $PTWALK --version
echo "-c ok:";                 run $PTWALK -c 'pa 0xc0001000'
echo "-c failing:";            run $PTWALK -c 'pa 0xf8800000; echo after'
echo "-c --bail:";             run $PTWALK --bail -c 'pa 0xf8800000; echo after'
echo "quit 3:";                run $PTWALK -c 'quit 3; echo no'
echo "--vmalloc 256M:";        run $PTWALK --vmalloc 256M -c 'layout' 
echo "--mem 3G on arm 3.4:";   run $PTWALK --arch arm --kernel 3.4 --mem 3G -c machine
echo "--mem 4G on arm:";       run $PTWALK --arch arm --mem 4G -c machine
echo "--kernel 4.x on arm:";   run $PTWALK --arch arm --kernel 4.x -c machine
echo "--kernel 5.4 on i386:";  run $PTWALK --kernel 5.4 -c machine
echo "--cpus 15 on arm 3.x:";  run $PTWALK --arch arm --kernel 3.4 --cpus 15 -c machine
echo "--cpus 9 on arm 6.1:";   run $PTWALK --arch arm --cpus 9 -c machine
echo "--vmalloc 8M on arm:";   run $PTWALK --arch arm --vmalloc 8M -c machine
echo "--vmalloc 480M on arm:"; run $PTWALK --arch arm --kernel 3.4 --vmalloc 480M -c 'pa high_memory - 1'
echo "--nodes 0:";             run $PTWALK --nodes 0 -c machine
echo "--nodes 64 on 512M:";    run $PTWALK --nodes 64 --mem 512M -c machine
