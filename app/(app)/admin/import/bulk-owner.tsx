"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Label } from "@/app/_components/ui/label";
import { NativeSelect } from "@/app/_components/ui/native-select";
import { useEditor } from "./editor-context";
import { PersonOptions } from "./person-options";

/** "全部指定为…": one owner for every task at once (lead units follow where not picked). */
export function BulkOwner() {
  const t = useTranslations("planImport");
  const { act, options } = useEditor();
  const [ownerId, setOwnerId] = useState("");
  const owner = options.people.find((p) => String(p.id) === ownerId);
  return (
    <div className="flex flex-col gap-1.5 rounded-lg border border-dashed p-4">
      <Label htmlFor="bulk-owner">{t("bulkOwner")}</Label>
      <div className="flex flex-wrap items-center gap-2">
        <NativeSelect
          id="bulk-owner"
          aria-describedby="bulk-owner-hint"
          className="w-full sm:w-64"
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
        >
          <option value="">{t("choosePerson")}</option>
          <PersonOptions people={options.people} />
        </NativeSelect>
        <Button
          type="button"
          variant="secondary"
          disabled={!owner}
          data-testid="bulk-owner-apply"
          onClick={() =>
            owner && act({ type: "ownerForAll", ownerId: owner.id, unitId: owner.unitId })
          }
        >
          {t("bulkOwnerApply")}
        </Button>
      </div>
      <p id="bulk-owner-hint" className="text-xs text-muted-foreground">
        {t("bulkOwnerHint")}
      </p>
    </div>
  );
}
