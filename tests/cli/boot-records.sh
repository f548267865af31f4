# The committed boot records are what tools/boot-record.sh writes from the
# committed guest views: data/boot/NAME.boot from testdata/images/NAME.view.xz.
top=../..
for r in "$top"/data/boot/*.boot; do
	n=$(basename "$r" .boot)
	v=$top/testdata/images/$n.view.xz
	if [ ! -f "$v" ]; then
		echo "$n: no view $n.view.xz"
	elif sh "$top/tools/boot-record.sh" "$v" | cmp -s - "$r"; then
		echo "$n: as generated"
	else
		echo "$n: differs from tools/boot-record.sh $n.view.xz"
	fi
done
