/* patella-buckets.h: days, weeks or months, as the width of a chart allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PATELLA_BUCKET_DAY,
  PATELLA_BUCKET_WEEK,    /* ISO weeks, Monday to Sunday */
  PATELLA_BUCKET_MONTH,   /* calendar months */
} PatellaBucketSize;

/* The narrowest a bucket may be drawn, in pixels. */
#define PATELLA_BUCKET_MIN_PIXELS 4.0

/* A run of consecutive days of a range: the first and last buckets may
 * hold fewer days than a whole week or month. */
typedef struct
{
  guint first;    /* the index of its first day in the range */
  guint n_days;
} PatellaBucket;

/* The mean, lowest and highest of the values a bucket holds; NAN, with
 * n 0, when it holds none. */
typedef struct
{
  double mean;
  double min;
  double max;
  guint  n;
} PatellaBucketStat;

/* Days while a day gets PATELLA_BUCKET_MIN_PIXELS or more of @width, then
 * weeks while a week does, then months. */
PatellaBucketSize patella_bucket_size_choose (guint              n_days,
                                              double             width);

/* The buckets of the @n_days from @first (a valid day), oldest first. */
GArray           *patella_buckets_new        (const char        *first,
                                              guint              n_days,
                                              PatellaBucketSize  size);

/* @values holds one value per day of the range (NAN: none). */
void              patella_bucket_stat        (const double        *values,
                                              const PatellaBucket *bucket,
                                              PatellaBucketStat   *out);
/* The sum of the values that are not NAN; 0 when there are none. */
double            patella_bucket_sum         (const double        *values,
                                              const PatellaBucket *bucket);
/* The days of @bucket whose @levels entry is above 0, and the highest. */
guint             patella_bucket_count_levels (const guint8        *levels,
                                               const PatellaBucket *bucket,
                                               guint8              *highest);

/* Which bucket of @buckets holds day @index. */
guint             patella_buckets_find       (GArray            *buckets,
                                              guint              index);

/* The bucket in words: "Tue 4 March 2025", "Week of 3 March 2025" or
 * "March 2025". */
char             *patella_bucket_describe    (const char          *first,
                                              const PatellaBucket *bucket,
                                              PatellaBucketSize    size);

G_END_DECLS
