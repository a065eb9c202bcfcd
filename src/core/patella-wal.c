/* patella-wal.c: what a write-ahead log holds beyond what SQLite reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite recovers a log up to the last commit whose frames all carry the
 * log's salts and a running checksum that matches; it takes a frame that
 * fails for the torn end of a write cut short, and the next write goes
 * over it. A byte flipped in an older frame looks the same, but then
 * whole commits follow it: frames with the log's own salts, ending in a
 * commit, that SQLite leaves out. Those are counted here, so that the log
 * can be kept before it is overwritten. The format is SQLite's, described
 * at https://www.sqlite.org/fileformat2.html#walformat.
 */
#define G_LOG_DOMAIN "patella-wal"

#include "config.h"

#include "patella-wal.h"

#define WAL_HEADER_SIZE 32
#define FRAME_HEADER_SIZE 24

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint32
read_le32 (const guint8 *p)
{
  return ((guint32) p[3] << 24) | ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

/* SQLite's running checksum over @length bytes (a multiple of 8). */
static void
checksum (const guint8 *data,
          gsize         length,
          gboolean      big_endian,
          guint32      *s0,
          guint32      *s1)
{
  for (gsize i = 0; i + 8 <= length; i += 8)
    {
      guint32 x0 = big_endian ? read_be32 (data + i) : read_le32 (data + i);
      guint32 x1 = big_endian ? read_be32 (data + i + 4) : read_le32 (data + i + 4);

      *s0 += x0 + *s1;
      *s1 += x1 + *s0;
    }
}

/**
 * patella_wal_count_lost_commits:
 * @data: the whole -wal file
 *
 * Returns: how many commits with the log's own salts follow the first
 *   frame SQLite would not read (not counting that frame itself, which
 *   may be the torn end of a write); 0 for a sound log.
 */
guint
patella_wal_count_lost_commits (const guint8 *data,
                                gsize         length)
{
  guint32 magic, page_size, salt1, salt2, s0 = 0, s1 = 0;
  gboolean big_endian, broken = FALSE;
  gsize frame_size;
  guint lost = 0;

  if (length < WAL_HEADER_SIZE)
    return 0;
  magic = read_be32 (data);
  if (magic != 0x377f0682 && magic != 0x377f0683)
    return 0;
  big_endian = magic == 0x377f0683;
  page_size = read_be32 (data + 8);
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return 0;
  salt1 = read_be32 (data + 16);
  salt2 = read_be32 (data + 20);
  checksum (data, 24, big_endian, &s0, &s1);
  if (s0 != read_be32 (data + 24) || s1 != read_be32 (data + 28))
    return 0;

  frame_size = FRAME_HEADER_SIZE + page_size;
  for (gsize offset = WAL_HEADER_SIZE; offset + frame_size <= length; offset += frame_size)
    {
      const guint8 *frame = data + offset;
      gboolean ours = read_be32 (frame + 8) == salt1 && read_be32 (frame + 12) == salt2;
      gboolean commit = read_be32 (frame + 4) != 0;

      if (!broken)
        {
          checksum (frame, 8, big_endian, &s0, &s1);
          checksum (frame + FRAME_HEADER_SIZE, page_size, big_endian, &s0, &s1);
          if (ours && read_be32 (frame) != 0 && s0 == read_be32 (frame + 16) && s1 == read_be32 (frame + 20))
            continue;
          /* SQLite stops here; what follows with the log's salts is lost. */
          broken = TRUE;
          continue;
        }
      if (ours && commit)
        lost++;
    }
  return lost;
}
