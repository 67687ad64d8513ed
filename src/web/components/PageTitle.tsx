/**
 * The page's one h1, and the browser tab title. The tab title lands in the browser history, so a
 * page about a patient passes a neutral `title` and shows the name only in the heading.
 */
import { Title } from "@mantine/core";
import { useEffect, type ReactNode } from "react";

export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Samsyn`;
  }, [title]);
  return (
    <Title order={1} tabIndex={-1} mb="md" data-page-title>
      {children ?? title}
    </Title>
  );
}
