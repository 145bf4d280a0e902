// NOTE: the care pages import the table under this name; it can go once they import DataTable.
export { DataTable as CareTable } from "@/components/ui/data-table";
