# refresh reads a live QEMU guest again (tests/cli/qemu-live.sh runs it on
# one); on any other machine it says what it needs.
refresh
refresh --stop --cont
help refresh
