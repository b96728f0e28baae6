import { describe, expect, it } from "vitest";
import { readTaskListParams } from "./list-params";

describe("readTaskListParams", () => {
  it("keeps good filters and builds the search string from them", () => {
    const { query, search } = readTaskListParams({ status: "blocked", mine: "1", q: "电梯" });
    expect(query).toMatchObject({ status: "blocked", mine: true, q: "电梯", limit: 50, offset: 0 });
    expect(new URLSearchParams(search).get("q")).toBe("电梯");
  });

  it("drops bad values and unknown keys instead of failing", () => {
    const { query, search } = readTaskListParams({
      status: "nonsense",
      light: "red",
      limit: "9999",
      evil: "1",
      projectId: ["3", "4"],
    });
    expect(query.status).toBeUndefined();
    expect(query.light).toBe("red");
    expect(query.limit).toBe(50);
    expect(query.projectId).toBe(3);
    expect(search).toBe("light=red&projectId=3");
  });

  it("keeps the dashboard's filters: not reported this month and due within some days", () => {
    const { query, search } = readTaskListParams({
      notReported: "1",
      dueWithin: "30",
      asOf: "2023-11-24",
      projectId: "3",
    });
    expect(query).toMatchObject({
      notReported: true,
      dueWithin: 30,
      asOf: "2023-11-24",
      projectId: 3,
    });
    expect(search).toBe("notReported=1&dueWithin=30&asOf=2023-11-24&projectId=3");
    expect(readTaskListParams({ dueWithin: "9999", notReported: "yes" }).search).toBe("");
  });
});
