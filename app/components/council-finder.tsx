import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

import { CouncilField } from "./council-field";
import { SubmitButton } from "./forms";

/**
 * "Find your council": a plain GET form to /find-council, which goes to the council's stories or
 * its outcome figures. The council box is the type-ahead <datalist> the post form uses. Another
 * page that starts from a council (/options) gives its own action and buttons.
 */
export function CouncilFinder({
  councils,
  typed = "",
  errors = {},
  action = "/find-council",
  children,
}: {
  councils: string[];
  typed?: string;
  errors?: Record<string, string>;
  action?: string;
  children?: ReactNode;
}) {
  return (
    <Form method="get" action={action} className="council-finder">
      <CouncilField
        label="Your council"
        hint="Start typing its name, for example Leeds or Cornwall, and choose it from the list."
        councils={councils}
        defaultValue={typed}
        errors={errors}
      />
      {children ?? (
        <div className="button-row">
          <SubmitButton name="show" value="stories">
            Stories about this council
          </SubmitButton>
          <SubmitButton name="show" value="outcomes" secondary>
            Figures for this council
          </SubmitButton>
        </div>
      )}
    </Form>
  );
}
