/**
 * The sjukfall parameters in effect for a user on a unit (PRODUCT §4, §5.12): the unit's default
 * (unit.settings.sjukfall), overridden per parameter by the user's own choice
 * (app_user.settings.sjukfall), else the product defaults. Pure: reads the stored JSON leniently,
 * so a damaged value falls back instead of breaking the case computation.
 */
import { AFTER_END_DEFAULT, AFTER_END_MAX, GAP_DEFAULT, GAP_MAX } from "./options.ts";

export interface SjukfallParams {
  gap: number;
  afterEnd: number;
}

/** A user's override: null means "use the unit's value". */
export interface SjukfallOverride {
  gap: number | null;
  afterEnd: number | null;
}

export type SettingSource = "default" | "unit" | "user";

export interface ResolvedSjukfallSettings extends SjukfallParams {
  source: { gap: SettingSource; afterEnd: SettingSource };
}

export const sjukfallLimits = {
  gap: { min: 0, max: GAP_MAX, default: GAP_DEFAULT },
  afterEnd: { min: 0, max: AFTER_END_MAX, default: AFTER_END_DEFAULT },
} as const;

type Param = keyof SjukfallParams;

function validValue(param: Param, value: unknown): value is number {
  const { min, max } = sjukfallLimits[param];
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

function sjukfallPart(settings: unknown): Record<string, unknown> {
  if (typeof settings !== "object" || settings === null) return {};
  const part = (settings as Record<string, unknown>).sjukfall;
  return typeof part === "object" && part !== null ? (part as Record<string, unknown>) : {};
}

/** The unit's stored override of the product defaults, per parameter (null: not set). */
export function unitOverride(unitSettings: unknown): SjukfallOverride {
  const part = sjukfallPart(unitSettings);
  return {
    gap: validValue("gap", part.gap) ? part.gap : null,
    afterEnd: validValue("afterEnd", part.afterEnd) ? part.afterEnd : null,
  };
}

/** The user's stored override of the unit's values, per parameter (null: not set). */
export function userOverride(userSettings: unknown): SjukfallOverride {
  return unitOverride(userSettings);
}

/** The unit's values: its own setting, else the product default. */
export function unitParams(unitSettings: unknown): SjukfallParams {
  const own = unitOverride(unitSettings);
  return {
    gap: own.gap ?? sjukfallLimits.gap.default,
    afterEnd: own.afterEnd ?? sjukfallLimits.afterEnd.default,
  };
}

/** What applies to the user on the unit: user override, else unit setting, else default. */
export function resolveSjukfallSettings(
  unitSettings: unknown,
  userSettings: unknown,
): ResolvedSjukfallSettings {
  const unit = unitOverride(unitSettings);
  const user = userOverride(userSettings);
  const pick = (param: Param): [number, SettingSource] =>
    user[param] !== null
      ? [user[param], "user"]
      : unit[param] !== null
        ? [unit[param], "unit"]
        : [sjukfallLimits[param].default, "default"];
  const [gap, gapSource] = pick("gap");
  const [afterEnd, afterEndSource] = pick("afterEnd");
  return { gap, afterEnd, source: { gap: gapSource, afterEnd: afterEndSource } };
}

/** The stored settings object with the sjukfall part replaced; other keys are kept. */
export function withSjukfallSettings(
  settings: Record<string, unknown>,
  values: SjukfallOverride,
): Record<string, unknown> {
  const sjukfall: Record<string, number> = {};
  if (values.gap !== null) sjukfall.gap = values.gap;
  if (values.afterEnd !== null) sjukfall.afterEnd = values.afterEnd;
  return { ...settings, sjukfall };
}
