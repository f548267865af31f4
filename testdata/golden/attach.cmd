# attach and detach: the errors that do not depend on the host's
# processes (tests/cli/live-pid.sh attaches a process of its own)
detach
attach qemu:unix:/tmp/g.sock
attach qemu:localhost:1234
attach 0
attach 4294967296
attach -1
attach 99999999
attach
maps
