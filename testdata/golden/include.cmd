# args: --kernel 2.6
# sourced by session.cmd
echo in include.cmd
pa PAGE_OFFSET + 1M
