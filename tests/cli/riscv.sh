# riscv options and bad input: --va-bits, the Sv names, RAM limits, --cpu,
# programs of another machine, the done-when walk of the direct map.
run() { "$@" >out.$$.tmp 2>&1; rc=$?; sed 's/^/  /' out.$$.tmp | head -n 4; echo "  -> exit $rc"; rm -f out.$$.tmp; }
E=../../testdata/elf
echo "--va-bits 42:";             run $PTWALK -a riscv64 --va-bits 42 -c machine
echo "--va-bits 39 on sv48:";     run $PTWALK -a riscv64-sv48 --va-bits 39 -c machine
echo "--va-bits 57 ok:";          run $PTWALK -q -a riscv64 --va-bits 57 -c 'sym PAGE_OFFSET'
echo "--va-bits 32 on riscv32:";  run $PTWALK -a riscv32 --va-bits 32 -c machine
echo "--mem 32M:";                run $PTWALK -a riscv64 --mem 32M -c machine
echo "--mem 200G, Sv39:";         run $PTWALK -a riscv64 --mem 200G -c machine
echo "--mem 1G on riscv32:";      run $PTWALK -a riscv32 --mem 1G -c machine
echo "--cpu svpbmt on riscv32:";  run $PTWALK -a riscv32 --cpu svpbmt -c machine
echo "--cpu pse on riscv64:";     run $PTWALK -a riscv64 --cpu pse -c machine
echo "an x86_64 program:";        run $PTWALK -a riscv64 -e $E/demo-x86_64 -c ps
echo "a riscv64 program on arm64:";  run $PTWALK -a arm64 -e $E/demo-riscv64 -c ps
echo "a riscv32 program on riscv64:";  run $PTWALK -a riscv64 -e $E/demo-riscv32 -c ps
echo "the PIE:";                  run $PTWALK -q -a riscv64 -e $E/demo-riscv64-pie -c 'maps'
echo "dis:";                      run $PTWALK -q -a riscv64 -c 'dis main 3'
echo "walk the direct map:";      run $PTWALK -q -a riscv64 -c 'walk 0xffffffd800001000'
