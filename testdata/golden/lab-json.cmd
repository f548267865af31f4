# args: --kernel 2.6 --json
# lab for autograders: one JSON object per subcommand
lab list
lab start 6 --seed 7
lab answer 1 5
lab answer 5 no
lab answer 3 hello
lab show
lab check
lab solve
lab check
