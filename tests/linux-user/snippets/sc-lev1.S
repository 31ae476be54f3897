# sc 1 (a hypercall) from problem state: Linux refuses it as a privileged
# instruction. QEMU 7.2's linux-user runs it as a plain system call instead.
	li	3, 7
	DUMP
	li	0, 1		# would be exit(7) if taken as a system call
	sc	1
	li	3, 9
	DUMP
