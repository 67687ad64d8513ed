/**
 * Choose the unit to work on; everything shown afterwards is that unit's. A menu, not a native
 * select: a select that acts on change would switch unit on every arrow key on some platforms
 * (WCAG 3.2.2); a menu item acts only when chosen.
 */
import { Box, Button, Menu, Stack, Text } from "@mantine/core";
import { useLocation, useNavigate } from "react-router";
import { useSwitchUnit } from "../api/auth.ts";
import type { Me } from "../api/types.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";

const texts = {
  label: "Vårdenhet",
  change: (unit: string) => `${unit} – byt vårdenhet`,
  menuLabel: "Arbeta på",
  workOn: (unit: string) => `Arbeta på ${unit}`,
  failed: "Det gick inte att byta vårdenhet",
};

function useUnitChoice(me: Me) {
  const switchUnit = useSwitchUnit();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const choose = (unitId: string) => {
    if (unitId === me.unit?.id) return;
    switchUnit.mutate(unitId, {
      onSuccess: () => {
        // An open patient belongs to the previous unit (the search state resets with the unit).
        if (pathname.startsWith("/patienter/")) navigate("/patienter");
      },
    });
  };
  return { choose, switchUnit };
}

function rolesOf(unit: Me["units"][number]) {
  return unit.roles.map((r) => r.label).join(", ");
}

/** In the header: the active unit, and a menu of the others when there are others. */
export function UnitSwitcher({ me }: { me: Me }) {
  const { choose, switchUnit } = useUnitChoice(me);
  if (!me.unit) return null;
  return (
    <Box>
      <Text fz="xs" c="white">
        {texts.label}
      </Text>
      {me.units.length < 2 ? (
        <Text fz="sm" fw={600} c="white">
          {me.unit.name}
        </Text>
      ) : (
        <Menu position="bottom-end" width={320} shadow="md" withInitialFocusPlaceholder={false}>
          <Menu.Target>
            <Button
              variant="white"
              size="xs"
              loading={switchUnit.isPending}
              aria-label={texts.change(me.unit.name)}
              rightSection={<span aria-hidden>▾</span>}
            >
              {me.unit.name}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{texts.menuLabel}</Menu.Label>
            <Menu.RadioGroup value={me.unit.id} onChange={choose}>
              {me.units.map((unit) => (
                <Menu.RadioItem
                  key={unit.id}
                  value={unit.id}
                  closeMenuOnClick
                  checkIcon={<span aria-hidden>✓</span>}
                >
                  <Text fz="sm" fw={500}>
                    {unit.name}
                  </Text>
                  <Text fz="xs">{rolesOf(unit)}</Text>
                </Menu.RadioItem>
              ))}
            </Menu.RadioGroup>
          </Menu.Dropdown>
        </Menu>
      )}
      {switchUnit.isError && (
        <Text fz="xs" c="white" role="alert">
          {texts.failed}
        </Text>
      )}
    </Box>
  );
}

/** On the "no unit chosen" page: one button per unit the user has an assignment on. */
export function UnitChoiceList({ me }: { me: Me }) {
  const { choose, switchUnit } = useUnitChoice(me);
  return (
    <Stack gap="sm" align="flex-start">
      {switchUnit.isError && <ErrorAlert error={switchUnit.error} title={texts.failed} />}
      {me.units.map((unit) => (
        <Button
          key={unit.id}
          variant="outline"
          onClick={() => choose(unit.id)}
          loading={switchUnit.isPending && switchUnit.variables === unit.id}
        >
          {texts.workOn(unit.name)}
        </Button>
      ))}
    </Stack>
  );
}
