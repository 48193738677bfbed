#include "parallax.h"
#include <stdio.h>
int main(void) { puts(px_version()); return 0; }
