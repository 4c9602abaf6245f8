-- Custom SQL migration file, put your code below! ---- The edit-version triggers name person.id_number, person.phone and household.phone; the next
-- migration changes those columns' type (they hold ciphertext now), which PostgreSQL refuses while
-- a trigger depends on them. They come back, comparing the blind indexes, in ..._triggers_on.
DROP TRIGGER IF EXISTS person_version ON person;--> statement-breakpoint
DROP TRIGGER IF EXISTS household_version ON household;
