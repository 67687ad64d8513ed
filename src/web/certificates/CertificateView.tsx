/** A signed, sent or revoked certificate: its answers as they were signed, read-only. */
import { Paper, Title } from "@mantine/core";
import { Fragment } from "react";
import type { Certificate } from "../api/certificates.ts";
import { describeContent } from "./describe.ts";

const texts = {
  title: "Intygets innehåll",
};

export function CertificateView({ certificate }: { certificate: Certificate }) {
  const rows = describeContent(certificate.content).filter((row) => row.value !== "–");
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="intygets-innehall">
      <Title order={2} fz="h3" id="intygets-innehall" mb="sm">
        {texts.title}
      </Title>
      <dl className="facts">
        {rows.map((row) => (
          <Fragment key={row.field}>
            <dt>{row.label}</dt>
            <dd style={{ whiteSpace: "pre-line" }}>{row.value}</dd>
          </Fragment>
        ))}
      </dl>
    </Paper>
  );
}
