# Generates the FP snippets in this folder (fadd…fma, all four rounding modes,
# special operands): python3 tests/snippets/fp/gen.py, then npm run golden -- fp/
# to refresh their QEMU goldens. sticky.S is hand-written.
import os
C = dict(
 pz=0x0000000000000000, nz=0x8000000000000000, one=0x3FF0000000000000, mone=0xBFF0000000000000,
 e3=0x3CA8000000000000, e1=0x3CA0000000000000, max=0x7FEFFFFFFFFFFFFF, minn=0x0010000000000000,
 dmin=0x0000000000000001, dmax=0x000FFFFFFFFFFFFF, pinf=0x7FF0000000000000, ninf=0xFFF0000000000000,
 qnan=0x7FF8000000000001, snan=0x7FF4000000000123, nqnan=0xFFF8000000000456, three=0x4008000000000000,
 tenth=0x3FB999999999999A, third=0x3FD5555555555555, m75=0xC01E000000000000, two5=0x4004000000000000,
 p63=0x43E0000000000000, n63=0xC3E0000000000000, i31m=0x41DFFFFFFFC00000, p31=0x41E0000000000000,
 n31=0xC1E0000000000000, p64=0x43F0000000000000, mhalf=0xBFE0000000000000, onep=0x3FF0000000000001,
 sdmin=0x36A0000000000000, sdb=0x380FFFFFF0000000, sovf=0x47EFFFFFF0000000, big53=0x4340000000000001,
 m25=0xC004000000000000, one5=0x3FF8000000000000, tin1=0x3FEFFFFFFF800000, tin2=0x0010000000400000,
 p1023=0x7FE0000000000000, u15=0x3CB8000000000000, smax=0x47EFFFFFE0000000, stie=0x3FF0000010000000,
 nsnan=0xFFF0000000000001, mtenth=0xBFB999999999999A, half=0x3FE0000000000000, i64a=0x0000000000000007,
 i64b=0xFFFFFFFFFFFFFFF9, i64c=0x7FFFFFFFFFFFFFFF, i64d=0x8000000000000000, i64e=0x0020000000000003,
 i64f=0xFFFFFFFFFFFFFFFF, i64g=0x0000000001000001, four=0x4010000000000000, fpv=0x000000000006F0F7, dmid=0x0008000000000000,
)
names = list(C)
idx = {n:i for i,n in enumerate(names)}
def data():
    return '\t.section .data\n\t.balign 8\nfpdata:\n' + ''.join(f'\t.quad 0x{C[n]:016X}\n' for n in names) + '\t.text\n'
HEAD = '''\tLOADADDR(9, fpdata)
.macro CLR
\tmtfsfi 0,0
\tmtfsfi 1,0
\tmtfsfi 2,0
\tmtfsfi 3,0
\tmtfsfi 4,0
\tmtfsfi 5,0
.endm
'''
def ld(reg, n): return f'\tlfd {reg}, {idx[n]*8}(9)\n'
def write(name, body):
    body = slotify(body)
    open(os.path.join(os.path.dirname(os.path.abspath(__file__)), f'{name}.S'),'w').write(HEAD + body + data())

def slotify(body):
    # '@@OP <text>' lines: op writes f3; collect into slots f10+k, FPSCR into f20+k, CR into r10+k
    out=[]; k=0
    for line in body.split('\n'):
        if line.startswith('@@'):
            op=line[2:]
            out.append(op.replace('FT,', f'{10+k},', 1))
            out.append(f'\tmffs {20+k}')
            out.append(f'\tmfcr {10+k}')
            k+=1
            if k==8:
                out.append('\tDUMP'); k=0
        elif line.strip()=='DUMPIF':
            if k: out.append('\tDUMP'); k=0
        else:
            out.append(line)
    if k: out.append('\tDUMP')
    return '\n'.join(out)+'\n'

def bin_tests(ops, pairs, modes=(0,), rc=True, form='ab'):
    s = ''
    for m in modes:
        s += f'\tmtfsfi 7,{m}\n'
        for k,(a,b) in enumerate(pairs):
            for j,op in enumerate(ops):
                s += '\tCLR\n' + ld(1,a) + ld(2,b)
                dot = '.' if rc and (k+j) % 3 == 0 else ''
                s += f'@@\t{op}{dot} FT, 1, 2\n'
    return s

# add/sub
P_add = [('one','e1'),('one','e3'),('one','u15'),('max','max'),('max','mone'),('pinf','ninf'),('pinf','pinf'),
 ('pz','nz'),('one','mone'),('dmin','dmax'),('minn','dmin'),('qnan','snan'),('snan','one'),('one','nqnan'),
 ('tenth','third'),('mtenth','tenth'),('p1023','p1023'),('stie','dmin'),('smax','smax'),('sdmin','sdmin'),('one','ninf'),('max','e1')]
write('add', bin_tests(['fadd','fsub'], P_add, modes=(0,1,2,3)))
write('adds', bin_tests(['fadds','fsubs'], P_add, modes=(0,1,2,3)))
P_mul = [('one','e1'),('tenth','third'),('max','three'),('minn','e1'),('tin1','tin2'),('dmin','half'),('pinf','pz'),
 ('nz','ninf'),('pinf','m75'),('qnan','snan'),('snan','qnan'),('nz','one'),('dmax','four'),('sdb','onep'),('sovf','one'),('smax','onep'),('sdmin','half'),('m75','tenth')]
write('mul', bin_tests(['fmul','fmuls'], P_mul, modes=(0,1,2,3)))
P_div = [('one','three'),('mone','three'),('one','pz'),('mone','pz'),('pz','pz'),('pinf','ninf'),('one','pinf'),('pinf','three'),
 ('max','tenth'),('minn','three'),('dmin','four'),('tenth','third'),('snan','pz'),('nqnan','qnan'),('one','max'),('sovf','one'),('sdmin','three'),('nz','m75')]
write('div', bin_tests(['fdiv','fdivs'], P_div, modes=(0,1,2,3)))

def un_tests(ops, vals, modes=(0,)):
    s=''
    for m in modes:
        s += f'\tmtfsfi 7,{m}\n'
        for k,a in enumerate(vals):
            for j,op in enumerate(ops):
                s += '\tCLR\n' + ld(2,a)
                dot = '.' if (k+j)%3==0 else ''
                s += f'@@\t{op}{dot} FT, 2\n'
    return s
V_sqrt = ['one','three','tenth','four','pz','nz','mone','pinf','ninf','qnan','snan','dmin','dmax','max','third','sdmin','onep','nqnan']
write('sqrt', un_tests(['fsqrt','fsqrts'], V_sqrt, modes=(0,1,2,3)))
write('est', un_tests(['fre','fres','frsqrte','frsqrtes'], V_sqrt + ['m75','minn'], modes=(0,2)))
V_cvt = ['one','mone','two5','m25','one5','mhalf','half','tenth','mtenth','p63','n63','i31m','p31','n31','p64','pz','nz','pinf','ninf','qnan','snan','big53','max','dmin','m75','three']
write('fcti', un_tests(['fctid','fctidz','fctidu','fctiduz'], V_cvt, modes=(0,1,2,3)))
write('fctiw', un_tests(['fctiw','fctiwz','fctiwu','fctiwuz'], V_cvt, modes=(0,1,2,3)))
V_int = ['i64a','i64b','i64c','i64d','i64e','i64f','i64g','pz','one','max','p63']
write('fcfid', un_tests(['fcfid','fcfids','fcfidu','fcfidus'], V_int, modes=(0,1,2,3)))
write('fri', un_tests(['frin','friz','frip','frim','frsp'], V_cvt + ['sovf','smax','stie','sdb','sdmin','dmax'], modes=(0,3)))
write('frsp', un_tests(['frsp'], ['stie','sovf','smax','sdb','sdmin','dmax','tenth','third','onep','snan','nqnan','m75','max','dmin','minn'], modes=(0,1,2,3)))

# FMA
def fma_tests(ops, trip, modes):
    s=''
    for m in modes:
        s += f'\tmtfsfi 7,{m}\n'
        for k,(a,c,b) in enumerate(trip):
            for j,op in enumerate(ops):
                s += '\tCLR\n' + ld(1,a) + ld(2,c) + ld(4,b)
                dot = '.' if (k+j)%3==0 else ''
                s += f'@@\t{op}{dot} FT, 1, 2, 4\n'
    return s
T = [('tenth','three','mtenth'),('onep','onep','mone'),('one','one','mone'),('third','three','mone'),('max','three','max'),
 ('pinf','pz','qnan'),('pinf','pz','one'),('pz','ninf','snan'),('pinf','one','ninf'),('qnan','snan','nqnan'),('one','snan','qnan'),('one','one','snan'),
 ('dmin','half','pz'),('tin1','tin2','pz'),('pz','three','nz'),('nz','three','pz'),('stie','one','dmin'),('e1','e1','one'),('max','max','ninf'),('sdmin','three','sdmin')]
write('fma', fma_tests(['fmadd','fmsub','fnmadd','fnmsub'], T, (0,1,2,3)))
write('fmas', fma_tests(['fmadds','fmsubs','fnmadds','fnmsubs'], T, (0,1,2,3)))

# compare, select, moves, test
s=''
P_cmp=[('one','mone'),('mone','one'),('one','one'),('pz','nz'),('qnan','one'),('one','snan'),('pinf','max'),('ninf','ninf'),('nqnan','nqnan')]
for k,(a,b) in enumerate(P_cmp):
    for op,bf in (('fcmpu',k%8),('fcmpo',(k+3)%8)):
        s += '\tCLR\n'+ld(1,a)+ld(2,b)+f'@@\t{op} {bf}, 1, 2\n'
for k,(a,b) in enumerate(P_cmp + [('dmin','pz'),('pz','dmin'),('max','dmax'),('dmax','minn'),('p1023','dmin'),('one','pinf'),('nz','nz')]):
    s += ld(1,a)+ld(2,b)+f'\tftdiv {k%8}, 1, 2\n\tftsqrt {(k+1)%8}, 1\n\tftsqrt {(k+2)%8}, 2\n\tDUMP\n'
for k,a in enumerate(['one','mone','pz','nz','qnan','snan','ninf','dmin','nqnan']):
    s += ld(1,a)+ld(2,'three')+ld(4,'m75')+f'\tfadd 5, 2, 2\n\tfsel{"." if k%2 else ""} 3, 1, 2, 4\n\tfmr{"." if k%2==0 else ""} 6, 1\n\tfneg 7, 1\n\tfabs. 8, 1\n\tfnabs 10, 1\n\tfcpsgn{"." if k%2 else ""} 11, 1, 4\n\tfmrgew 12, 1, 4\n\tfmrgow 13, 1, 4\n\tDUMP\n'
write('misc', s)

# FPSCR instructions
s = ''
s += '\tlfd 1, %d(9)\n\tfdiv 3, 1, 1\n\tfadd 3, 1, 1\n\tDUMP\n' % (idx['pz']*8)
s += '\tmcrfs 2, 0\n\tDUMP\n\tmcrfs 3, 1\n\tDUMP\n\tmcrfs 4, 2\n\tmcrfs 5, 3\n\tmcrfs 6, 4\n\tmcrfs 7, 5\n\tDUMP\n'
for bt in range(32):
    if bt in (24,25,26,27,28): continue  # enables (would trap with exceptions set)
    s += f'@@\tmtfsb1{"." if bt%2 else ""} {bt}\n'
for bt in range(32):
    s += f'@@\tmtfsb0{"." if bt%2==0 else ""} {bt}\n'
s += 'DUMPIF\n\tCLR\n'
for bf in range(8):
    for u in ((0, 5, 6) if bf == 7 else (0, 9, 6)):
        if bf == 6 and u: continue
        s += f'@@\tmtfsfi{"." if u==9 else ""} {bf},{u}\n'
s += 'DUMPIF\n\tmtfsfi 7,5,1\n\tDUMP\n\tmtfsfi 7,0,1\n\tDUMP\n\tCLR\n'
s += ld(4,'i64f') + '\tmtfsb1 24\n\tmtfsfi 7,3\n\tmffs 6\n\tmffsce 5\n\tDUMP\n\tmffs. 7\n\tDUMP\n'
s += ld(4,'i64f') + '\tmtfsfi 7,2\n\tmtfsfi 4,15\n\tmtfsfi 3,15\n\tmtfsfi 1,15\n\tmtfsfi 7,1,1\n\tmffsl 5\n\tmffscrn 6, 4\n\tDUMP\n\tmffscrni 7, 2\n\tmffscrni 8, 1\n\tDUMP\n\tmffscdrn 10, 4\n\tmffscdrni 11, 3\n\tmffs 12\n\tDUMP\n'
s += '\tCLR\n' + ld(4,'fpv') + '\tmtfsf 0x0f, 4\n\tDUMP\n\tmtfsf. 0xf0, 4\n\tDUMP\n' + ld(4,'i64f') + '\tmtfsf 0x81, 4, 0, 1\n\tDUMP\n\tmtfsfi 6,0\n\tmtfsf 0xf8, 4, 0, 0\n\tDUMP\n' + ld(4,'pz') + '\tmtfsf 0xff, 4, 1, 0\n\tDUMP\n'
s += ld(4,'i64d') + '\tmtfsf. 0xff, 4, 1, 0\n\tDUMP\n'
write('fpscr', s)
