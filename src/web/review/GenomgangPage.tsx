/**
 * Genomgång av pågående sjukskrivningar (PRODUCT §5.7): the review session of a doctor's cases
 * ending soon, and — for those who manage them — the unit's överlämningar during long absences.
 */
import { Stack } from "@mantine/core";
import { can, useSession } from "../app/session.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { HandoversSection } from "../handover/HandoversSection.tsx";
import { ReviewSection } from "./ReviewSection.tsx";

const texts = {
  title: "Genomgång av pågående sjukskrivningar",
};

export function GenomgangPage() {
  const me = useSession();
  return (
    <Stack gap="xl">
      <PageTitle title={texts.title} />
      {can(me, "review.run", "review.unit") && <ReviewSection />}
      {can(me, "handover.manage") && <HandoversSection />}
    </Stack>
  );
}
