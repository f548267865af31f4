// SPDX-License-Identifier: GPL-3.0-or-later
/* Objects of the sample types, so that their DWARF is emitted (-g). */
#include "sample.h"

struct sample_task sample_task;
union sample_u sample_u;
enum sample_neg sample_neg;
enum sample_big sample_big;
