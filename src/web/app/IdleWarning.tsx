/**
 * Warns before the session ends for inactivity and lets the user stay; when it has ended, sends the
 * user to the login page (which says why) with their unsaved input kept (`formDrafts.ts`). The
 * session is shared by the browser's tabs: before saying it ended, the server is asked.
 */
import { Button, Group, Modal, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { forgetSession, useLogout } from "../api/auth.ts";
import { isApiError, request, sinceLastAnswer } from "../api/client.ts";
import type { Me } from "../api/types.ts";
import { idleStage, timeLeftText, type IdleStage } from "./idle.ts";

const texts = {
  title: "Du loggas snart ut",
  body: (left: string) =>
    `Du har inte gjort något i Samsyn på en stund. Av säkerhetsskäl loggas du ut om ${left}. Det du inte har sparat finns kvar när du loggar in igen.`,
  stay: "Fortsätt vara inloggad",
  logout: "Logga ut nu",
};

export function IdleWarning({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const logout = useLogout();
  const [stage, setStage] = useState<IdleStage>({ stage: "active" });

  // Asks the server: an answer (another tab kept the session alive, or "stay") moves the idle clock.
  const checkSession = async () => {
    try {
      await request<Me>("GET", "/api/auth/session");
      setStage(idleStage(sinceLastAnswer(), me.idleMinutes));
    } catch (error) {
      if (isApiError(error, 401)) forgetSession(queryClient, "expired");
    }
  };

  useEffect(() => {
    const timer = setInterval(() => {
      const next = idleStage(sinceLastAnswer(), me.idleMinutes);
      if (next.stage === "ended") void checkSession();
      else setStage(next);
    }, 1000);
    return () => clearInterval(timer);
  }, [me.idleMinutes]);

  if (stage.stage !== "warning") return null;
  return (
    <Modal opened onClose={() => void checkSession()} title={texts.title} centered withCloseButton={false}>
      <Text mb="md">{texts.body(timeLeftText(stage.secondsLeft))}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
          {texts.logout}
        </Button>
        <Button onClick={() => void checkSession()} data-autofocus>
          {texts.stay}
        </Button>
      </Group>
    </Modal>
  );
}
