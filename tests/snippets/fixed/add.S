	li 3, 5
	addi 4, 3, -7
	add. 5, 3, 4
