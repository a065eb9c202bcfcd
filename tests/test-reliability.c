/* test-reliability.c: crashes, a full disk and two processes at once
 *
 * The crash tests kill tests/crash-writer with SIGKILL at random moments.
 * PATELLA_CRASH_KILLS sets how many times (default 30 writers and 10
 * imports); the full run is
 *
 *   PATELLA_CRASH_KILLS=200 meson test -C build reliability --print-errorlogs
 *
 * A full disk is a file size limit (RLIMIT_FSIZE) with SIGXFSZ ignored, so
 * that writes beyond it fail with EFBIG as they would on a full disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* unshare() for the full-disk backup */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/patella-csv.h"
#include "core/patella-store.h"
#include "patella-test-utils.h"

typedef PatellaTestFiles Fixture;

static guint
kills_wanted (guint fallback)
{
  const char *value = g_getenv ("PATELLA_CRASH_KILLS");

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static char *
writer_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "crash-writer", NULL);
}

static gint64
count_rows (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gint64
count_entries (const char *path)
{
  sqlite3 *db = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  n = count_rows (db, "SELECT (SELECT count(*) FROM pain_log) + (SELECT count(*) FROM runs)"
                      " + (SELECT count(*) FROM exercise_log)");
  sqlite3_close (db);
  return n;
}

/* The whole file is sound: integrity_check says "ok" and no reference is
 * dangling. */
static void
assert_sound (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static GSubprocess *
spawn_writer (const char  *stdout_path,
              const char  *const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  /* The launcher opens the file without truncating it. */
  g_unlink (stdout_path);
  g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  return process;
}

static void
kill_and_reap (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
}

/* A writer killed at a random moment, again and again on the same file:
 * every entry it printed as committed is there, and the file is sound. */
static void
test_crash_entries (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *writer = writer_path ();
  g_autofree char *log = g_build_filename (fixture->dir, "committed.txt", NULL);
  const char *argv[] = { writer, "entries", fixture->path, NULL };
  guint kills = kills_wanted (30);
  guint64 reported = 0;
  guint empty_runs = 0;

  for (guint k = 0; k < kills; k++)
    {
      g_autoptr(GSubprocess) process = spawn_writer (log, argv);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GError) error = NULL;
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      guint n_lines = 0;

      /* From the start-up (opening, creating the schema) to a few hundred
       * commits in. */
      g_usleep (g_test_rand_int_range (0, 250) * 1000);
      kill_and_reap (process);
      g_assert_true (g_subprocess_get_if_signaled (process));
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

      g_file_get_contents (log, &contents, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (contents, "\n", -1);

      if (!g_file_test (fixture->path, G_FILE_TEST_EXISTS))
        {
          /* Killed before it created the file: it printed nothing. */
          g_assert_cmpstr (contents, ==, "");
          empty_runs++;
          continue;
        }

      g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      assert_sound (db);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          const char *line = lines[i];
          const char *sql;
          gint64 id;

          if (*line == '\0')
            {
              g_assert_null (lines[i + 1]);   /* only the final newline */
              break;
            }

          if (g_str_has_prefix (line, "pain "))
            sql = "SELECT count(*) FROM pain_log WHERE id = ?";
          else if (g_str_has_prefix (line, "run "))
            sql = "SELECT count(*) FROM runs WHERE id = ?";
          else if (g_str_has_prefix (line, "set "))
            sql = "SELECT count(*) FROM exercise_log WHERE id = ?";
          else
            g_error ("kill %u: unexpected line “%s”", k + 1, line);

          id = g_ascii_strtoll (strchr (line, ' ') + 1, NULL, 10);
          g_assert_cmpint (id, >, 0);
          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
          sqlite3_bind_int64 (stmt, 1, id);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          if (sqlite3_column_int64 (stmt, 0) != 1)
            g_error ("kill %u: %s was reported committed but is missing", k + 1, line);
          sqlite3_finalize (stmt);
          n_lines++;
        }
      sqlite3_close (db);

      if (n_lines == 0)
        empty_runs++;
      reported += n_lines;
    }

  /* The kills must have landed mid-write, not only before the first commit. */
  g_assert_cmpuint (empty_runs, <, kills);
  g_test_message ("%u kills survived; %" G_GUINT64_FORMAT " committed entries checked; "
                  "%" G_GINT64_FORMAT " entries in the file",
                  kills, reported, count_entries (fixture->path));

  /* And the store still opens and checks clean. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PatellaStore) store = patella_store_open (fixture->path, &error);

    g_assert_no_error (error);
    g_assert_true (patella_store_verify (store, &error));
    g_assert_no_error (error);
  }
}

static char *
make_import_file (const char *dir,
                  guint       n)
{
  g_autoptr(GString) csv = g_string_new (PATELLA_CSV_HEADER "\r\n");
  char *path = g_build_filename (dir, "import.csv", NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "20%02u-%02u-%02u,07:%02u,pain,,,,,,,%u,morning,imported %u\r\n",
                            10 + (i / 336) % 16, 1 + (i / 28) % 12, 1 + i % 28, i % 60, i % 11, i);
  patella_test_write_file (path, csv->str, (gssize) csv->len);
  return path;
}

static gboolean
file_has (const char *path,
          const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/* Waits until the writer has said @line; fails after a minute. */
static void
wait_for_line (const char *log,
               const char *line)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!file_has (log, line))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (500);
    }
}

/* An import killed part-way leaves all of the file or none of it. */
static void
test_crash_import (Fixture       *fixture,
                   gconstpointer  data)
{
  const guint n = 6000;
  g_autofree char *writer = writer_path ();
  g_autofree char *csv = make_import_file (fixture->dir, n);
  g_autofree char *log = g_build_filename (fixture->dir, "said.txt", NULL);
  const char *argv[] = { writer, "import", fixture->path, csv, NULL };
  guint kills = MAX (kills_wanted (40) / 4, 1);
  guint none = 0, all = 0, mid_way = 0;
  gint64 base, started_us, opened_us, took_us;

  patella_test_make_database (fixture->path, 20);
  base = count_entries (fixture->path);

  /* How long an import takes here, measured on a copy. */
  {
    g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
    const char *copy_argv[] = { writer, "import", copy, csv, NULL };
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GError) error = NULL;

    patella_test_make_database (copy, 20);
    started_us = g_get_monotonic_time ();
    process = spawn_writer (log, copy_argv);
    wait_for_line (log, "started");
    opened_us = g_get_monotonic_time () - started_us;
    g_subprocess_wait_check (process, NULL, &error);
    g_assert_no_error (error);
    took_us = g_get_monotonic_time () - started_us;
    g_assert_cmpint (count_entries (copy), ==, base + n);
  }

  for (guint k = 0; k < kills; k++)
    {
      g_autoptr(GSubprocess) process = spawn_writer (log, argv);
      gint64 now;
      sqlite3 *db = NULL;

      /* Every other kill lands while the import itself runs (after the
       * file is open), so that a slow build still meets that moment; the
       * others anywhere from the start. */
      if (k % 2 == 1)
        {
          wait_for_line (log, "started");
          g_usleep (g_test_rand_int_range (0, (gint32) MAX ((took_us - opened_us) * 11 / 10, 1)));
        }
      else
        {
          g_usleep (g_test_rand_int_range (0, (gint32) (took_us * 11 / 10)));
        }
      kill_and_reap (process);
      now = count_entries (fixture->path);

      g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      assert_sound (db);
      sqlite3_close (db);

      if (now == base)
        {
          none++;
          if (file_has (log, "started"))
            mid_way++;
          g_assert_false (file_has (log, "imported"));
        }
      else
        {
          g_assert_cmpint (now, ==, base + n);
          all++;
          /* Once a whole import is in, start again from the record before it. */
          g_assert_cmpint (patella_test_sql (fixture->path, "DELETE FROM pain_log WHERE note LIKE 'imported %'"),
                           ==, SQLITE_OK);
        }
    }

  g_test_message ("%u imports killed: %u left nothing (%u of them mid-way), %u had committed all %u entries",
                  kills, none, mid_way, all, n);
  if (kills >= 8)
    g_assert_cmpuint (mid_way, >, 0);

  /* After the kills the import runs through, once. */
  {
    g_autoptr(GSubprocess) process = spawn_writer (log, argv);
    g_autoptr(GError) error = NULL;

    g_subprocess_wait_check (process, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count_entries (fixture->path), ==, base + n);
  }
}

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (goffset) buf.st_size : 0;
}

static char *
long_note (guint i)
{
  g_autoptr(GString) note = g_string_new (NULL);

  g_string_printf (note, "%u ", i);
  while (note->len < PATELLA_NOTE_MAX_CHARS - 10)
    g_string_append (note, "knee fine ");
  return g_string_free (g_steal_pointer (&note), FALSE);
}

/* Writes that hit a full disk are refused in plain words; the file stays
 * consistent, earlier entries stay, and writing works again once there is
 * room. */
static void
test_disk_full_store (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  gint64 before, saved = 0, after = 0;
  guint i;

  patella_test_make_database (fixture->path, 50);
  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (patella_store_count (store, PATELLA_TABLE_PAIN_LOG, &before, NULL));

  patella_test_limit_file_size ((guint64) MAX (file_size (fixture->path), file_size (wal)) + 8192);
  for (i = 0; i < 2000; i++)
    {
      g_autofree char *note = long_note (i);

      if (patella_store_log_pain (store, "2026-06-01", NULL, 2, PATELLA_PAIN_DURING, note, &error) <= 0)
        break;
      saved++;
    }
  patella_test_lift_file_size_limit ();

  g_assert_cmpuint (i, <, 2000);
  g_assert_error (error, PATELLA_STORE_ERROR, PATELLA_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "disk"));
  g_assert_nonnull (strstr (error->message, "earlier entries are safe"));
  g_test_message ("%" G_GINT64_FORMAT " entries fitted before the limit: %s", saved, error->message);
  g_clear_error (&error);

  /* Consistent, with everything that was saved and nothing half-saved. */
  g_assert_true (patella_store_verify (store, &error));
  g_assert_no_error (error);
  g_assert_true (patella_store_count (store, PATELLA_TABLE_PAIN_LOG, &after, NULL));
  g_assert_cmpint (after, ==, before + saved);

  /* With room again the same store writes, and the entry outlives it. */
  g_assert_cmpint (patella_store_log_pain (store, "2026-06-02", NULL, 1, PATELLA_PAIN_MORNING, "room again",
                                           &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (count_entries (fixture->path), ==, before + saved + 1);
}

/* An export that hits a full disk leaves neither a half-written file nor a
 * temporary one, and an older export in its place survives. */
static void
test_disk_full_export (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (fixture->dir, "history.csv", NULL);
  g_autofree char *listing_before = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(GBytes) old = g_bytes_new_static ("an older export\n", 16);
  g_autoptr(GBytes) now = NULL;

  patella_test_make_database (fixture->path, 200);
  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  patella_test_write_file (target, g_bytes_get_data (old, NULL), (gssize) g_bytes_get_size (old));
  listing_before = patella_test_list_dir (fixture->dir);

  patella_test_limit_file_size (4096);
  g_assert_false (patella_write_file (store, target, patella_csv_export, &error));
  patella_test_lift_file_size_limit ();

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "history.csv"));
  listing_after = patella_test_list_dir (fixture->dir);
  g_assert_cmpstr (listing_after, ==, listing_before);
  now = patella_test_read_file (target);
  patella_test_assert_bytes_equal (now, old);
  g_clear_error (&error);

  /* With room it writes the whole file. */
  g_assert_true (patella_write_file (store, target, patella_csv_export, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_size (target), >, 4096);
  {
    GStatBuf buf;

    /* Private, like the record it comes from. */
    g_assert_cmpint (g_stat (target, &buf), ==, 0);
    g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  }
}

/* A backup into a folder on a small file system (64 KB of tmpfs, in a
 * mount namespace of this child alone): exit 0 when it failed and left
 * the folder empty, 1 when something was left, 77 when no such file
 * system can be made here. */
static int
backup_onto_full_disk (const char *database,
                       const char *folder)
{
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (folder, "backup.db", NULL);
  g_autofree char *listing = NULL;

  if (unshare (CLONE_NEWNS) != 0 && unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
    return 77;
  if (mount ("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", folder, "tmpfs", 0, "size=64k") != 0)
    return 77;

  store = patella_store_open (database, &error);
  if (store == NULL)
    return 2;
  if (patella_store_backup (store, target, &error))
    return 3;
  g_printerr ("%s\n", error->message);
  listing = patella_test_list_dir (folder);
  g_printerr ("left: “%s”\n", listing);
  return listing[0] == '\0' && strstr (error->message, "nothing was left behind") != NULL ? 0 : 1;
}

/* Item 6: a backup that runs out of disk leaves no temporary file and
 * none of SQLite's companions (a rollback journal, a log) behind. */
static void
test_disk_full_backup (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "small", NULL);
  /* The disk fills at different steps: the log, the copy, its journal. */
  const guint sizes[] = { 0, 30, 300 };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *database = g_strdup_printf ("%s.%u", fixture->path, sizes[i]);
      int result = -1, status, fds[2];
      pid_t pid;

      patella_test_make_database (database, sizes[i]);
      /* The answer comes through a pipe: under valgrind the child's exit
       * status is valgrind's. */
      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          result = backup_onto_full_disk (database, folder);
          _exit (write (fds[1], &result, sizeof result) == sizeof result ? 0 : 1);
        }
      close (fds[1]);
      g_assert_cmpint (read (fds[0], &result, sizeof result), ==, sizeof result);
      close (fds[0]);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (result == 77)
        {
          g_test_skip ("no tmpfs can be mounted here");
          return;
        }
      g_assert_cmpint (result, ==, 0);
    }
}

static gboolean
write_then_die (PatellaStore   *store,
                GOutputStream  *out,
                GCancellable   *cancellable,
                GError        **error)
{
  if (g_output_stream_write_all (out, "half a file", 11, NULL, NULL, NULL))
    g_output_stream_flush (out, NULL, NULL);
  raise (SIGKILL);
  return FALSE;
}

/* An export of @database to @target, killed half-way through writing.
 * Returns the writer's process id, once it is gone. */
static pid_t
killed_writer (const char *database,
               const char *target)
{
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      PatellaStore *store = patella_store_open (database, NULL);

      patella_write_file (store, target, write_then_die, NULL);
      _exit (1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  return pid;
}

/* The names in the folder's listing that begin with a dot. */
static char *
hidden_files (const char *dir)
{
  g_autofree char *listing = patella_test_list_dir (dir);
  g_auto(GStrv) names = g_strsplit (listing, "\n", -1);
  GString *hidden = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] == '.')
      g_string_append_printf (hidden, "%s\n", names[i]);
  return g_string_free (hidden, FALSE);
}

/* How patella-files.h names temporary files, spelt out: a test of the
 * names themselves. */
#define TEMP_MARKER ".patella-tmp-"

/* Item 10: a killed export (or report, or backup) leaves its temporary
 * file, named after the target and the writer's process id; the next
 * write into that folder removes it, and the companions of a killed
 * backup's copy, while a live writer's file stays. */
static void
test_kill_temp_files (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *export = g_build_filename (fixture->dir, "history.csv", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.csv", NULL);
  g_autofree char *live = g_strdup_printf (".report.pdf%s%d", TEMP_MARKER, (int) getppid ());
  g_autofree char *hidden = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  pid_t dead;

  patella_test_make_database (fixture->path, 20);
  {
    g_autofree char *path = g_build_filename (fixture->dir, live, NULL);

    patella_test_write_file (path, "in use", -1);
  }

  dead = killed_writer (fixture->path, export);
  hidden = hidden_files (fixture->dir);
  g_test_message ("after the kill:\n%s", hidden);
  expected = g_strdup_printf (".history.csv%s%d\n%s\n", TEMP_MARKER, (int) dead, live);
  g_assert_cmpstr (hidden, ==, expected);
  {
    g_autofree char *journal = g_strdup_printf ("%s/.backup.db%s%d-journal", fixture->dir, TEMP_MARKER,
                                                (int) dead);

    patella_test_write_file (journal, "a backup's journal", -1);
  }

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (patella_write_file (store, other, patella_csv_export, &error));
  g_assert_no_error (error);

  g_clear_pointer (&hidden, g_free);
  g_clear_pointer (&expected, g_free);
  hidden = hidden_files (fixture->dir);
  expected = g_strdup_printf ("%s\n", live);
  g_assert_cmpstr (hidden, ==, expected);
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));
}

/* Copies @from to @to byte for byte. */
static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = patella_test_read_file (from);

  patella_test_write_file (to, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes));
}

/* A record with @n_logged scores in its write-ahead log, copied file and
 * log as a crash leaves them to "crashed.db"; returns that path. */
static char *
crashed_copy (Fixture *fixture,
              guint    n_logged)
{
  char *crashed = g_build_filename (fixture->dir, "crashed.db", NULL);
  g_autofree char *crashed_wal = g_strconcat (crashed, "-wal", NULL);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;

  patella_test_make_database (fixture->path, 5);
  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_logged; i++)
    g_assert_cmpint (patella_store_log_pain (store, "2026-02-03", NULL, (int) i, PATELLA_PAIN_MORNING, NULL,
                                             &error), >, 0);
  copy_file (fixture->path, crashed);
  copy_file (wal, crashed_wal);
  return crashed;
}

/* Item 5: a write-ahead log with one byte flipped in an early frame (as a
 * crash would leave it, with the commits after it) is copied aside, 0600,
 * before anything is written, and the runner is told on stderr; the next
 * write no longer makes the loss silent and permanent. */
static void
test_damaged_wal_kept (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *crashed = crashed_copy (fixture, 3);
  g_autofree char *crashed_wal = g_strconcat (crashed, "-wal", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *kept = g_strdup_printf ("%s.damaged-%s", crashed_wal, date);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autofree char *option = g_strconcat ("--database=", crashed, NULL);
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) process = NULL;
  GStatBuf st;

  /* One byte flipped in the first frame's page. */
  {
    FILE *file = g_fopen (crashed_wal, "r+b");
    int c;

    g_assert_nonnull (file);
    g_assert_cmpint (fseek (file, 32 + 24 + 2000, SEEK_SET), ==, 0);
    c = fgetc (file);
    g_assert_cmpint (fseek (file, 32 + 24 + 2000, SEEK_SET), ==, 0);
    g_assert_cmpint (fputc (c ^ 0x40, file), !=, EOF);
    g_assert_cmpint (fclose (file), ==, 0);
  }
  damaged = patella_test_read_file (crashed_wal);

  /* The command line, which writes: it says so on stderr. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("PATELLA_BINARY"), option, "--check", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "is damaged"));
  g_assert_nonnull (strstr (err, kept));

  g_assert_cmpint (g_stat (kept, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  copy = patella_test_read_file (kept);
  patella_test_assert_bytes_equal (copy, damaged);

  /* The window hears of it through the store; the copy is made once. */
  g_clear_pointer (&copy, g_bytes_unref);
  copy_file (kept, crashed_wal);
  store = patella_store_open (crashed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (patella_store_get_notice (store));
  g_assert_nonnull (strstr (patella_store_get_notice (store), kept));
  {
    g_autofree char *second = g_strconcat (kept, "-2", NULL);

    g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
  }
}

/* A sound log, as any crash leaves it, raises nothing and is not copied. */
static void
test_sound_wal_not_kept (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *crashed = crashed_copy (fixture, 2);
  g_autoptr(PatellaStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  reopened = patella_store_open (crashed, &error);
  g_assert_no_error (error);
  g_assert_null (patella_store_get_notice (reopened));
  listing = patella_test_list_dir (fixture->dir);
  g_assert_null (strstr (listing, "damaged"));
}

static void
limit_child (gpointer data)
{
  struct rlimit limit;

  getrlimit (RLIMIT_FSIZE, &limit);
  limit.rlim_cur = GPOINTER_TO_UINT (data);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* The command line on a full disk: a clear message, exit status 1, and the
 * record as it was. */
static void
test_disk_full_cli (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = make_import_file (fixture->dir, 3000);
  g_autofree char *option = g_strconcat ("--database=", fixture->path, NULL);
  g_autofree char *import = g_strconcat ("--import-csv=", csv, NULL);
  g_autofree char *err = NULL;
  gint64 before;

  patella_test_make_database (fixture->path, 20);
  before = count_entries (fixture->path);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, limit_child,
                                         GUINT_TO_POINTER ((guint) file_size (fixture->path) + 4096), NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PATELLA_BINARY"), option, import, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);

  g_test_message ("%s", err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "could not write to the disk"));
  g_assert_cmpint (count_entries (fixture->path), ==, before);

  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    assert_sound (db);
    sqlite3_close (db);
  }
}

typedef struct
{
  PatellaStore *store;
  guint         written;
  GError       *error;
} Writer;

static gboolean
write_one (gpointer data)
{
  Writer *writer = data;
  g_autofree char *note = g_strdup_printf ("from the window %u", writer->written);

  if (patella_store_log_exercise (writer->store, "2026-05-01", NULL, "squat", 1, 10, note,
                                  &writer->error) <= 0)
    return G_SOURCE_REMOVE;
  writer->written++;
  return G_SOURCE_CONTINUE;
}

static void
on_exited (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

/* Runs `patella ARGS` while this process keeps writing, as the window
 * would; returns its standard error. */
static char *
run_beside_writes (Writer     *writer,
                   const char *const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) err = NULL;
  gboolean exited = FALSE;
  guint source;
  guint written = writer->written;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, on_exited, &exited);
  source = g_timeout_add (2, write_one, writer);
  while (!exited)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);

  g_assert_no_error (writer->error);
  g_assert_cmpuint (writer->written, >, written);
  g_assert_true (g_subprocess_get_if_exited (process));
  err = g_input_stream_read_bytes (g_subprocess_get_stderr_pipe (process), 65536, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
}

/* The window writing while the command line imports and exports: both
 * succeed, nobody is told the database is locked, nothing is doubled. */
static void
test_two_processes (Fixture       *fixture,
                    gconstpointer  data)
{
  const guint n = 8000;
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = make_import_file (fixture->dir, n);
  g_autofree char *exported = g_build_filename (fixture->dir, "out.csv", NULL);
  g_autofree char *option = g_strconcat ("--database=", fixture->path, NULL);
  g_autofree char *import = g_strconcat ("--import-csv=", csv, NULL);
  g_autofree char *export = g_strconcat ("--export-csv=", exported, NULL);
  const char *import_argv[] = { g_getenv ("PATELLA_BINARY"), option, import, NULL };
  const char *export_argv[] = { g_getenv ("PATELLA_BINARY"), option, export, NULL };
  Writer writer = { NULL, 0, NULL };
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 pain = 0, sets = 0;

  store = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  writer.store = store;

  err = run_beside_writes (&writer, import_argv);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_true (patella_store_count (store, PATELLA_TABLE_PAIN_LOG, &pain, NULL));
  g_assert_cmpint (pain, ==, n);

  err = run_beside_writes (&writer, export_argv);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_file_get_contents (exported, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", -1);
  /* The header, every imported entry, the sets written so far, and the end. */
  g_assert_cmpuint (g_strv_length (lines), >=, 1 + n + 1);

  /* Importing again, still beside the writes, doubles nothing. */
  err = run_beside_writes (&writer, import_argv);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (patella_store_count (store, PATELLA_TABLE_PAIN_LOG, &pain, NULL));
  g_assert_cmpint (pain, ==, n);
  g_assert_true (patella_store_count (store, PATELLA_TABLE_EXERCISE_LOG, &sets, NULL));
  g_assert_cmpint (sets, ==, writer.written);
  g_test_message ("%u sets written by this process beside two imports and an export", writer.written);
}

static void
count_changed (PatellaStore *store,
               int           table,
               GArray       *seen)
{
  g_array_append_val (seen, table);
}

/* Another connection's commits are noticed once, as one change of
 * everything; this store's own are not counted twice. */
static void
test_outside_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PatellaStore) window = NULL;
  g_autoptr(PatellaStore) terminal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (int));

  window = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  terminal = patella_store_open (fixture->path, &error);
  g_assert_no_error (error);
  patella_store_watch_outside_changes (window);
  g_signal_connect (window, "changed", G_CALLBACK (count_changed), seen);

  g_assert_false (patella_store_notice_outside_changes (window));
  g_assert_cmpint (patella_store_log_pain (window, "2026-05-01", NULL, 2, PATELLA_PAIN_MORNING, NULL, &error),
                   >, 0);
  g_assert_cmpuint (seen->len, ==, 1);   /* its own write, by its table */
  g_assert_cmpint (g_array_index (seen, int, 0), ==, PATELLA_TABLE_PAIN_LOG);
  g_assert_false (patella_store_notice_outside_changes (window));

  g_assert_cmpint (patella_store_log_run (terminal, "2026-05-01", NULL, 30, 5, 4, -1, NULL, &error), >, 0);
  g_assert_true (patella_store_notice_outside_changes (window));
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpint (g_array_index (seen, int, 1), ==, PATELLA_STORE_CHANGED_ALL);
  g_assert_false (patella_store_notice_outside_changes (window));
  g_assert_cmpuint (seen->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Beyond the file size limit a write fails with EFBIG instead of
   * killing the process, as ENOSPC would on a full disk. */
  signal (SIGXFSZ, SIG_IGN);

#define ADD(name, func) \
  g_test_add ("/reliability/" name, Fixture, NULL, patella_test_files_set_up, func, patella_test_files_tear_down)
  ADD ("crash/entries", test_crash_entries);
  ADD ("crash/import", test_crash_import);
  ADD ("disk-full/store", test_disk_full_store);
  ADD ("disk-full/export", test_disk_full_export);
  ADD ("disk-full/backup-leaves-nothing", test_disk_full_backup);
  ADD ("kill/temp-files-removed", test_kill_temp_files);
  ADD ("damaged-wal-kept", test_damaged_wal_kept);
  ADD ("sound-wal-not-kept", test_sound_wal_not_kept);
  ADD ("disk-full/cli", test_disk_full_cli);
  ADD ("two-processes", test_two_processes);
  ADD ("outside-changes", test_outside_changes);
#undef ADD

  return g_test_run ();
}
