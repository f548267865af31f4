# Figures beside the text: the text is the same with or without them;
# the commands that draw none say which do; a path that cannot be written
# fails the command (and the walk's own fault comes first)
walk 0xc0100000 --svg walk.svg
walk 0xc0100000
walk 0 --svg walk-fault.svg
meminfo --png m.png
walk 0xc0100000 --svg
walk 0xc0100000 --svg=
walk 0xc0100000 --png no/such/dir/w.png
walk 0 --png no/such/dir/w.png
maps --svg maps.svg
ptdump user --svg ptdump.svg
buddyinfo --svg buddy.svg
zoneinfo --svg zones.svg
