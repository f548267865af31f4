# The kernel types come from a memory image's BTF: a simulated machine
# has none, and says so
ptype task_struct
struct list_head 0xc0000000
help ptype
help struct
