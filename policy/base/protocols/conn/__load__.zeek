@load ./main
@load ./removal-hooks
