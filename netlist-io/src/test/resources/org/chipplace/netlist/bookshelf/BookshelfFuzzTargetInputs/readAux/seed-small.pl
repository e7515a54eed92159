UCLA pl 1.0
m0 0 0 : N
c0 20 0 : N
c1 24 8 : FS
c2 30 16 : N
p0 0 40 : N /FIXED
p1 40 0 : N /FIXED_NI
