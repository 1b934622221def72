/*
 * pgwork: one function doing a fixed amount of integer work per call, so that two builds of it differ in speed
 * by a known factor. PGWORK_WORK (make WORK=...) is the number of inner steps per unit of n: 100 is the
 * reference build, 125 does 25 % more work.
 */
#include "postgres.h"
#include "fmgr.h"

#ifndef PGWORK_WORK
#define PGWORK_WORK 100
#endif

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(pgwork_spin);
PG_FUNCTION_INFO_V1(pgwork_units);

/* n * PGWORK_WORK steps of a xorshift generator; volatile keeps the compiler from folding the loop away. */
Datum
pgwork_spin(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(0);
	volatile uint64 x = 88172645463325252ULL;
	int64		steps = (int64) n * PGWORK_WORK;

	for (int64 i = 0; i < steps; i++)
	{
		uint64		y = x;

		y ^= y << 13;
		y ^= y >> 7;
		y ^= y << 17;
		x = y;
	}
	PG_RETURN_INT64((int64) (x & INT64CONST(0x7fffffffffffffff)));
}

/* The WORK this library was built with, so tests can tell two builds apart. */
Datum
pgwork_units(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(PGWORK_WORK);
}
