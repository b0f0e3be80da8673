-- Each project's area and length as the app measures them (areaSquareMeters, lengthMeters in
-- src/domain/measure), written with its row at every save: a tiled layer's statistics are sums
-- of the same numbers the app would add up (docs/tiles.md). Rows already here get PostGIS's
-- spheroidal measures (GeographicLib; within 1e-8 of the app's) until their layer is next saved.
ALTER TABLE plan_feature ADD COLUMN area_square_meters double precision;
ALTER TABLE plan_feature ADD COLUMN length_meters double precision;

UPDATE plan_feature
   SET area_square_meters = coalesce(public.ST_Area(geom::public.geography), 0),
       length_meters = coalesce(public.ST_Length(geom::public.geography), 0);
