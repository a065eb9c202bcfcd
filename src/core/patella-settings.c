/* patella-settings.c: the preferences, for the app and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "patella-settings"

#include "config.h"

#include "patella-settings.h"

GSettings *
patella_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  /* Running from the build tree, before `meson install`. */
  if (schema == NULL &&
      g_file_test (BUILD_SCHEMA_DIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    {
      build_source = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source,
                                                                  FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, FALSE);
    }

  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed; using the defaults", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* The keys the warnings read: a change to any of them changes the warnings. */
const char *const patella_settings_warning_keys[] = {
  "distance-unit", "pain-high-threshold", "pain-severe-threshold", "run-spike-percent",
  "weekly-spike-percent", "acwr-threshold", "monotony-threshold", "morning-rise-threshold",
  "pain-trend-threshold", NULL
};

void
patella_settings_get_thresholds (GSettings         *settings,
                                 PatellaThresholds *out)
{
  g_return_if_fail (out != NULL);

  *out = PATELLA_THRESHOLDS_DEFAULT;
  if (settings == NULL)
    return;

  out->pain_high = g_settings_get_int (settings, "pain-high-threshold");
  out->pain_severe = g_settings_get_int (settings, "pain-severe-threshold");
  out->run_spike = g_settings_get_int (settings, "run-spike-percent") / 100.0;
  out->weekly_spike = g_settings_get_int (settings, "weekly-spike-percent") / 100.0;
  out->acwr_high = g_settings_get_double (settings, "acwr-threshold");
  out->monotony_high = g_settings_get_double (settings, "monotony-threshold");
  out->morning_rise = g_settings_get_int (settings, "morning-rise-threshold");
  out->pain_trend = g_settings_get_double (settings, "pain-trend-threshold");
}

PatellaDistanceUnit
patella_settings_get_unit (GSettings *settings)
{
  g_autofree char *unit = NULL;

  if (settings == NULL)
    return PATELLA_UNIT_KM;

  unit = g_settings_get_string (settings, "distance-unit");
  return g_str_equal (unit, "mi") ? PATELLA_UNIT_MILES : PATELLA_UNIT_KM;
}
