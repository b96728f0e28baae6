/** The choices the import editor offers: active people, lead leaders and live units. */
export interface ImportOptions {
  people: { id: number; name: string; unitId: number; unitName: string }[];
  leaders: { id: number; name: string }[];
  units: { id: number; name: string }[];
}
