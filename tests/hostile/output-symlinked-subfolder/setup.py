import os
os.makedirs("elsewhere")
os.makedirs("out")
os.symlink("../elsewhere", "out/waves")
