/* warnings-calibration.c: how often the warnings fire on generated runners
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/patella-csv.h"
#include "core/patella-day.h"
#include "core/patella-episodes.h"
#include "core/patella-store.h"
#include "history-generator.h"
#include "patella-test-utils.h"
#include "warnings-calibration.h"

gboolean
patella_warning_code_is_pain (PatellaWarningCode code)
{
  return code == PATELLA_WARNING_PAIN_HIGH || code == PATELLA_WARNING_PAIN_SEVERE ||
         code == PATELLA_WARNING_MORNING_WORSE || code == PATELLA_WARNING_PAIN_TREND_UP;
}

void
patella_calibration_measure (guint32             seed,
                             int                 years,
                             int                 flares_per_year,
                             PatellaCalibration *out)
{
  const PatellaHistoryOptions options = {
    .years = years, .seed = seed, .end = "2026-01-31", .steady = TRUE,
    .flares_per_year = flares_per_year,
  };
  g_autofree char *dir = patella_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "patella.db", NULL);
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) csv = patella_history_generate (&options, starts);
  g_autoptr(PatellaStore) store = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PatellaImportSummary) summary = { { 0 } };
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  store = patella_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (patella_csv_import (store, csv->str, csv->len, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (patella_store_get_logged_range (store, &first, &last, &error));
  g_assert_no_error (error);

  warnings = patella_episodes_warnings_between (store, first, last, NULL, PATELLA_UNIT_KM, &error);
  g_assert_no_error (error);
  episodes = patella_warnings_group_episodes (warnings);

  out->years += patella_day_diff (first, last) / 365.25;
  for (guint i = 0; i < warnings->len; i++)
    out->days[((PatellaWarning *) g_ptr_array_index (warnings, i))->code]++;
  for (guint i = 0; i < episodes->len; i++)
    {
      const PatellaEpisode *episode = g_ptr_array_index (episodes, i);

      out->episodes[episode->code]++;
      out->pain_episodes += patella_warning_code_is_pain (episode->code);
    }

  /* A flare is caught when a pain rule is active on one of its first 7 days. */
  for (guint f = 0; f < starts->len; f++)
    {
      const char *start = g_ptr_array_index (starts, f);
      gboolean caught = FALSE;

      for (guint i = 0; i < warnings->len && !caught; i++)
        {
          const PatellaWarning *warning = g_ptr_array_index (warnings, i);
          int after = patella_day_diff (start, warning->day);

          caught = after >= 0 && after < 7 && patella_warning_code_is_pain (warning->code);
        }
      out->n_flares++;
      out->flares_caught += caught;
    }

  g_clear_object (&store);
  patella_test_remove_tree (dir);
}

void
patella_calibration_run (PatellaCalibration *steady,
                         PatellaCalibration *flares)
{
  *steady = (PatellaCalibration) { 0 };
  *flares = (PatellaCalibration) { 0 };
  for (guint32 seed = 1; seed <= PATELLA_CALIBRATION_SEEDS; seed++)
    {
      patella_calibration_measure (seed, PATELLA_CALIBRATION_YEARS, 0, steady);
      patella_calibration_measure (seed, PATELLA_CALIBRATION_YEARS,
                                   PATELLA_CALIBRATION_FLARES_PER_YEAR, flares);
    }
}
