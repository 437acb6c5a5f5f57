# A named pipe that nothing ever writes to.
import os

os.mkfifo("inventory.fifo")
